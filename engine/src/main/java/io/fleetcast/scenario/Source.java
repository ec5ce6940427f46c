package io.fleetcast.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a model file comes from: a file on disk, a classpath resource (the built-in models), or a
 * string (tests and tools). Knows the name errors should carry and how to find a file named relative
 * to it ({@code accelerators-file: ../accelerators.yaml}).
 */
sealed interface Source {

    /** The name errors carry: the path as the user gave it, or {@code builtin:models/...}. */
    String name();

    /** The file's bytes. */
    byte[] bytes() throws IOException;

    /** The file named {@code relative} to this one. */
    Source resolve(String relative);

    /** A file on disk, named as the user gave it. */
    record File(Path path) implements Source {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public byte[] bytes() throws IOException {
            return Files.readAllBytes(path);
        }

        @Override
        public Source resolve(String relative) {
            Path parent = path.getParent();
            Path p = parent == null ? Path.of(relative) : parent.resolve(relative);
            return new File(p.normalize());
        }
    }

    /** A classpath resource such as {@code models/scenarios/amd-openai-6gw.yaml}. */
    record Resource(String resource) implements Source {

        /**
         * Where a resource of the engine is, or null. Through {@link Class#getResource} with an absolute name, which
         * finds the engine's own resources both on the class path and in its named module, where {@code models/}
         * is an encapsulated package that {@link ClassLoader#getResource} would not see.
         */
        static java.net.URL find(String resource) {
            return Source.class.getResource("/" + resource);
        }
        @Override
        public String name() {
            return "builtin:" + resource;
        }

        @Override
        public byte[] bytes() throws IOException {
            try (InputStream in = Source.class.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    throw new NoSuchFileException(name());
                }
                return in.readAllBytes();
            }
        }

        @Override
        public Source resolve(String relative) {
            return new Resource(URI.create(resource).resolve(relative).normalize().toString());
        }
    }

    /** Text given directly; relative files resolve against {@code directory} (null: as if it stood among the built-in scenarios, so only built-in model files can be named). */
    record Text(String name, String text, Path directory) implements Source {
        @Override
        public byte[] bytes() {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public Source resolve(String relative) {
            if (directory == null) {
                return new Resource(ScenarioReader.BUILTIN_SCENARIOS).resolve(relative);
            }
            return new File(directory.resolve(relative).normalize());
        }
    }
}
