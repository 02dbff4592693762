/**
 * Descriptions of networks as data: layer lists ({@link io.lgc.network.NetworkSpec}, {@link io.lgc.network.Layer})
 * and the architectures LGC builds from them. The file format stores a decoder this way; running one
 * is the torch module's business, so this package has no DJL.
 */
package io.lgc.network;
