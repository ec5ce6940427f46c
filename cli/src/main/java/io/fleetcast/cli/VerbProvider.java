package io.fleetcast.cli;

/**
 * A verb that a package above the command line contributes ({@code serve}, from {@code io.fleetcast.serve}), found
 * with {@link java.util.ServiceLoader} ({@code META-INF/services/io.fleetcast.cli.VerbProvider}): the command line
 * lists and runs it without depending on its package, so the server can build on the command line's documents and
 * later ship as its own artifact.
 */
public interface VerbProvider {

    /** {@return the verb's name, as in its {@code @Command}} */
    String name();

    /** {@return a new command object for picocli: a {@code Callable<Integer>} annotated with {@code @Command}} */
    Object newCommand();
}
