package io.github.fairsynth.io;

/** Runs test code with the {@code fairsynth.io.direct} property set, and restores it afterwards. */
final class DirectWrites {
    /** Test code that may throw. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private DirectWrites() {
    }

    /**
     * @param mode {@code true}, {@code false} or {@code auto}
     * @param body runs with the property set to {@code mode}
     * @throws Exception what the body throws
     */
    static void with(String mode, Body body) throws Exception {
        String before = System.getProperty("fairsynth.io.direct");
        System.setProperty("fairsynth.io.direct", mode);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty("fairsynth.io.direct");
            } else {
                System.setProperty("fairsynth.io.direct", before);
            }
        }
    }
}
