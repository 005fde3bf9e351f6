/**
 * mist-spark: mutual information over Apache Spark DataFrames, distributed over pairs of columns.
 * {@link io.mist.spark.MutualInformationMatrix} computes MI matrices (every pair, or every column against a
 * target) and MI feature rankings with permutation p-values and Benjamini-Hochberg q-values, with any registered
 * estimator; for pairs with very large n it estimates on disjoint random shards. Spark (4.x, Scala 2.13) is a
 * {@code provided} dependency: the cluster brings it.
 *
 * <p>The module has no {@code module-info.java}: Spark's jars are automatic modules whose derived names (from
 * file names such as {@code spark-sql_2.13-4.2.0.jar}) are not legal module names, so a descriptor could not
 * {@code requires} them. The jar carries {@code Automatic-Module-Name: io.mist.spark}.
 */
package io.mist.spark;
