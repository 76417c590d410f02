package io.energysensors.logservice.clusters;

/**
 * One label of a stored result; each array holds the 8 features in the order of
 * {@link FeatureReader}'s columns.
 *
 * @param center null for the orphans, label -1
 * @param std population standard deviation (numpy's default, ddof 0)
 */
record ClusterRow(int label, long count, double[] center, double[] mean, double[] std, double[] min, double[] max) {}
