package io.energysensors.clustering;

/**
 * The points cannot be clustered as asked: no points, a feature that is not a finite number, a
 * bandwidth of zero, or no point within the bandwidth of any seed. The message says which, in
 * words an operator can act on; nothing was computed.
 */
public class ClusteringException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClusteringException(String message) {
        super(message);
    }
}
