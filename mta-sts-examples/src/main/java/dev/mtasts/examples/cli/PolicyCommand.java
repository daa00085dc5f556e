package dev.mtasts.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "policy", description = "(in progress)")
final class PolicyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.USAGE;
    }
}
