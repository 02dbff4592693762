/** Small dense linear algebra in pure Java, shared by the stages that need it (no DJL). Internal. */
package io.lgc.linalg;
