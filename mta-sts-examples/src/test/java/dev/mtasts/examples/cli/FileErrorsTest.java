package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A file that cannot be read is said in words, never as an exception's class name. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FileErrorsTest {

    @TempDir
    Path dir;

    @Test
    void commonFailuresAreSaidInWords() {
        assertThat(FileErrors.reason(new NoSuchFileException("/x"))).isEqualTo("no such file");
        assertThat(FileErrors.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(FileErrors.reason(new FileSystemException("/x", null, "Is a directory")))
                .isEqualTo("is a directory");
        assertThat(FileErrors.reason(new IOException("Input/output error"))).isEqualTo("input/output error");
        assertThat(FileErrors.reason(new IOException())).isEqualTo("input/output error");
    }

    @Test
    void theMessageNamesTheActionTheFileAndTheReason() {
        InputException e = FileErrors.of("cannot read", "/nonexistent", new NoSuchFileException("/nonexistent"));
        assertThat(e.getMessage()).isEqualTo("cannot read /nonexistent: no such file");
        assertThat(e.getMessage()).doesNotContain("Exception");
    }

    @Test
    void aDirectoryIsRefusedBeforeItIsOpened() {
        assertThatThrownBy(() -> FileErrors.requireNotDirectory("cannot read", dir))
                .isInstanceOf(InputException.class).hasMessage("cannot read " + dir + ": is a directory");
        FileErrors.requireNotDirectory("cannot read", dir.resolve("absent.txt"));
    }
}
