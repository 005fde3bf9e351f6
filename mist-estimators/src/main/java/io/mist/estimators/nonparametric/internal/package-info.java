/**
 * Not API (the module does not export this package). Exact neighbour search under the maximum norm for the k-nearest-neighbour estimators: a k-d tree with
 * bounding boxes (k nearest neighbours and range counts that add whole subtrees at once), a grid over ranks
 * for two-dimensional joint spaces, radix-sorted one-dimensional axes counted by galloping search, and a
 * call-local parallel loop. Distances are computed exactly as {@code max_j |a_j - b_j|} everywhere, so
 * every structure agrees with a brute-force search bit for bit.
 */
package io.mist.estimators.nonparametric.internal;
