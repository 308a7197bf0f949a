package cn.gov.lvliang.renewal.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.lvliang.renewal.infra.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With real JVMs: a clean stop promotes what a start trained, a kill never does. */
class ClassDataArchivesTest {

    @TempDir
    Path directory;

    Path jar;
    final ClassDataArchives archives = new ClassDataArchives();

    @BeforeEach
    void build() throws Exception {
        // the JDK's own base archive, which a dynamic archive extends
        assumeTrue(Files.isRegularFile(Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa")));
        jar = Files.writeString(directory.resolve("quarkus-run.jar"), "stands for the build");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void aCleanStopPromotesTheTrainedArchiveAndLaterStartsMapIt() throws Exception {
        ClassDataArchives.Start first = archives.next(jar);
        assertTrue(first.trains().isPresent());
        assertTrue(first.jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit=app-cds-trained-"));

        ManagedProcess training = run(first.jvmOptions(), "-version");
        archives.started(training, first);
        assertTrue(archives.trains(training));
        awaitExit(training);
        archives.ended(training);

        assertFalse(archives.trains(training));
        assertTrue(Files.size(directory.resolve(ClassDataArchives.TRAINED)) > 0);
        assertFalse(Files.exists(first.trains().get()), "the part file is renamed, not copied");
        assertEquals(ClassDataArchives.THIS_JDK, Files.readString(directory.resolve(ClassDataArchives.TRAINED_BY)));
        ClassDataArchives.Start later = archives.next(jar);
        assertEquals(List.of("-XX:SharedArchiveFile=" + ClassDataArchives.TRAINED), later.jvmOptions());
        assertTrue(later.trains().isEmpty());

        // -Xshare:on: the JVM fails instead of running without the archive
        List<String> mapped = new ArrayList<>(later.jvmOptions());
        mapped.add("-Xshare:on");
        ManagedProcess user = run(mapped, "-version");
        awaitExit(user);
        assertEquals(0, user.exitValue(), Files.readString(directory.resolve("run.log")));
    }

    @Test
    void aNewBuildTrainsAgain() throws Exception {
        Files.writeString(directory.resolve(ClassDataArchives.TRAINED), "from an older build");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));

        assertTrue(archives.next(jar).trains().isPresent());
    }

    @Test
    void anArchiveAnotherJdkTrainedIsTrainedAgain() throws Exception {
        Files.writeString(directory.resolve(ClassDataArchives.TRAINED), "from the same build");
        Files.writeString(
                directory.resolve(ClassDataArchives.TRAINED_BY), "/usr/lib/jvm/java-17-openjdk-amd64 17.0.9+9");

        assertTrue(archives.next(jar).trains().isPresent());

        Files.writeString(directory.resolve(ClassDataArchives.TRAINED_BY), ClassDataArchives.THIS_JDK);
        assertTrue(archives.next(jar).trains().isEmpty());

        Files.delete(directory.resolve(ClassDataArchives.TRAINED_BY));
        assertTrue(archives.next(jar).trains().isPresent(), "no record of the JDK: trained before it was kept");
    }

    @Test
    void aKilledTrainingLeavesNothingBehind() throws Exception {
        ClassDataArchives.Start start = archives.next(jar);
        Path part = start.trains().orElseThrow();
        Files.writeString(part, "half an archive");
        ManagedProcess killed = ManagedProcess.start(
                "killed", List.of("sh", "-c", "kill -KILL $$"), Map.of(), directory, directory.resolve("run.log"));
        archives.started(killed, start);
        awaitExit(killed);
        archives.ended(killed);

        assertEquals(137, killed.exitValue());
        assertFalse(Files.exists(part));
        assertFalse(Files.exists(directory.resolve(ClassDataArchives.TRAINED)));
    }

    private ManagedProcess run(List<String> options, String argument) {
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.currentJava());
        command.addAll(options);
        command.add(argument);
        return ManagedProcess.start("java", command, Map.of(), directory, directory.resolve("run.log"));
    }

    private static void awaitExit(ManagedProcess process) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertFalse(process.isAlive(), process.name() + " did not exit");
    }
}
