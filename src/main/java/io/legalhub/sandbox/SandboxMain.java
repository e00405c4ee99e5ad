package io.legalhub.sandbox;

// placeholder until the sandbox lands
public final class SandboxMain {
    public static void main(String[] args) {
        throw new UnsupportedOperationException("sandbox not yet built");
    }
}
