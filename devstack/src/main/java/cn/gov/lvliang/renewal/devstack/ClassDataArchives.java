package cn.gov.lvliang.renewal.devstack;

import cn.gov.lvliang.renewal.infra.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The class-data (AppCDS) archive each application starts with (decision 0012).
 *
 * <p>Quarkus can write {@code app-cds.jsa} at build time, but it records it with the application
 * stopped before its runtime starts, so it holds about a third of the classes a start loads (5,774 of
 * tradein-subsidy-service's 15,914): Hibernate, Flyway, the Kafka clients and the rest are still
 * read, parsed and verified from the jars at every start. So the first start after a build
 * <em>trains</em> a fuller archive: the JVM runs with {@code -XX:ArchiveClassesAtExit}, and when the
 * application stops cleanly, the archive it wrote on exit becomes {@code app-cds-trained.jsa}
 * (11,310 classes), which every later start maps. A trained archive older than the build's
 * {@code quarkus-run.jar} is ignored and trained again, and so is one that another JDK trained
 * (decision 0053): the JVM silently refuses an archive written by another build of HotSpot and
 * starts without it, so after a JDK update, or with a {@code target/} made on another machine,
 * every start would load every class from the jars again.
 *
 * <p>Each training start writes its own file and only a clean stop (exit status 0 or 143, after
 * SIGTERM) promotes it, with an atomic rename, so that two instances training at once, or one
 * killed while it writes, never leave a torn archive where a later start would map it.
 */
final class ClassDataArchives {

    static final String TRAINED = "app-cds-trained.jsa";
    /** Beside the archive: the JDK that wrote it, {@code java.home} and {@code java.vm.version}. */
    static final String TRAINED_BY = TRAINED + ".jdk";
    /** The applications run on the launcher's own JDK ({@link ManagedProcess#currentJava}). */
    static final String THIS_JDK = System.getProperty("java.home") + " " + System.getProperty("java.vm.version");

    private static final List<Integer> CLEAN_EXITS = List.of(0, 143);

    private final Map<ManagedProcess, Path> training = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /** How one start uses the archives: its JVM options, and the file it trains, if any. */
    record Start(List<String> jvmOptions, Optional<Path> trains) {}

    /** The archive options for the next start of the application whose jar is {@code jar}. */
    Start next(Path jar) {
        Path directory = jar.getParent();
        if (isCurrent(directory.resolve(TRAINED), jar) && trainedByThisJdk(directory)) {
            return new Start(List.of("-XX:SharedArchiveFile=" + TRAINED), Optional.empty());
        }
        String part = "app-cds-trained-" + ProcessHandle.current().pid() + "-" + sequence.incrementAndGet() + ".part";
        // -Xlog:cds=error: the dump lists every class it skips (lambda forms, unlinked classes) as a warning
        return new Start(
                List.of("-XX:ArchiveClassesAtExit=" + part, "-Xlog:cds=error"), Optional.of(directory.resolve(part)));
    }

    /** Remembers which process trains which file. */
    void started(ManagedProcess process, Start start) {
        start.trains().ifPresent(part -> training.put(process, part));
    }

    /** Whether {@code process} writes an archive when it exits, and so needs longer to stop. */
    boolean trains(ManagedProcess process) {
        return training.containsKey(process);
    }

    /**
     * Called once {@code process} has ended: promotes the archive it trained if it stopped cleanly,
     * and deletes it otherwise.
     */
    void ended(ManagedProcess process) {
        Path part = training.remove(process);
        if (part == null || process.isAlive()) {
            return;
        }
        try {
            if (CLEAN_EXITS.contains(process.exitValue()) && Files.isRegularFile(part) && Files.size(part) > 0) {
                Files.writeString(part.resolveSibling(TRAINED_BY), THIS_JDK);
                Files.move(
                        part,
                        part.resolveSibling(TRAINED),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the class-data archive " + part, e);
        }
    }

    private static boolean trainedByThisJdk(Path directory) {
        try {
            return Files.readString(directory.resolve(TRAINED_BY)).equals(THIS_JDK);
        } catch (IOException e) {
            return false; // none: trained before the JDK was recorded, or never
        }
    }

    private static boolean isCurrent(Path archive, Path jar) {
        try {
            if (!Files.isRegularFile(archive)) {
                return false;
            }
            // every package rewrites quarkus-run.jar, whatever else changed
            return Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
