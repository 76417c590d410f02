/**
 * Mean Shift clustering with bandwidth estimation, computed exactly as scikit-learn 1.2 does.
 * Plain Java: knows nothing of where the points come from, nor of Spring, HTTP or storage.
 */
package io.energysensors.clustering;
