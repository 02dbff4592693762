/** Small dense linear algebra in pure Java, shared by the stages that need it (no DJL). */
package io.lgc.linalg;
