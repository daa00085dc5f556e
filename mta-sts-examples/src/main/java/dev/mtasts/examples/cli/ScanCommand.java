package dev.mtasts.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "scan", description = "(in progress)")
final class ScanCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.USAGE;
    }
}
