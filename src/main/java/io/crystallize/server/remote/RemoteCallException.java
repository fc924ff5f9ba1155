package io.crystallize.server.remote;

/**
 * A remote component's call failed: it answered a non-2xx status, did not answer in time, answered too much or a
 * malformed body, or could not be reached. It fails only its unit; the message names the component, its URL,
 * the status (when there was one) and the remote's own problem detail, so a user can act on it.
 */
public class RemoteCallException extends RuntimeException {

    private final String component;
    private final String url;
    private final Integer status;

    public RemoteCallException(String component, String url, Integer status, String message) {
        super(message);
        this.component = component;
        this.url = url;
        this.status = status;
    }

    /** The type of the remote component, e.g. {@code py.noise}. */
    public String component() {
        return component;
    }

    public String url() {
        return url;
    }

    /** The HTTP status the remote answered, or null when it did not answer. */
    public Integer status() {
        return status;
    }
}
