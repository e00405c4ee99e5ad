package io.legalhub.systems;

public class UnknownSystemException extends RuntimeException {
    private final String system;

    public UnknownSystemException(String system) {
        super("Unknown system '" + system + "'");
        this.system = system;
    }

    public String system() {
        return system;
    }
}
