package io.lgc.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The hidden temporaries outputs are built in, beside their target: {@code .NAME.HEX.tmp}. Hidden,
 * so that directory scans skip them; beside the target, so that the final rename stays on one file
 * system. Registered ones are deleted when the JVM shuts down (SIGTERM, SIGINT, System.exit), so an
 * interrupted run leaves none behind; those of a run that was killed outright are removed by the
 * next run into the same target ({@link #removeStale}), and nothing else is.
 */
public final class Temporaries {
    /** Long names are cut so that the temporary's name stays within the 255 bytes a file name may take. */
    private static final int MAX_BASE = 100;
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    /** Earlier outputs renamed aside while a new one takes their place: put back, not deleted, at shutdown. */
    private static final Map<Path, Path> ASIDE = new ConcurrentHashMap<>();
    private static final int SHUTDOWN_ATTEMPTS = 20;
    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Temporaries::deleteAllLive, "lgc-temporaries"));
    }

    private Temporaries() {
    }

    /** A fresh temporary name beside {@code target} (absolute); nothing is created. */
    public static Path sibling(Path target) {
        return target.resolveSibling("." + base(target) + "."
                + String.format("%016x", ThreadLocalRandom.current().nextLong()) + ".tmp");
    }

    /** Deletes {@code temp} (a file or a tree) if the JVM shuts down before {@link #release}. */
    public static void register(Path temp) {
        LIVE.add(temp.toAbsolutePath().normalize());
    }

    /** The temporary was renamed into place or deleted: no longer the shutdown hook's business. */
    public static void release(Path temp) {
        LIVE.remove(temp.toAbsolutePath().normalize());
        ASIDE.remove(temp.toAbsolutePath().normalize());
    }

    /**
     * {@code aside} holds the earlier output of {@code target} for a moment: if the JVM shuts down
     * before {@link #release}, it is renamed back when {@code target} is still missing.
     */
    public static void registerAside(Path aside, Path target) {
        ASIDE.put(aside.toAbsolutePath().normalize(), target.toAbsolutePath().normalize());
    }

    /**
     * Deletes the temporaries an earlier run left beside {@code target}: entries named as this class
     * names them (or as earlier versions of lgc did: {@code .NAME.HEX.tmp.old}, {@code .NAME.tmp-HEX}),
     * except those this process is still writing.
     */
    public static void removeStale(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        Pattern own = pattern(absolute);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                if (own.matcher(entry.getFileName().toString()).matches() && !LIVE.contains(entry)
                        && !ASIDE.containsKey(entry)) {
                    deleteTree(entry);
                }
            }
        }
    }

    /** Whether the JVM is stopping (SIGTERM, SIGINT): a write failing now failed because its temporary went. */
    static boolean shuttingDown() {
        return shuttingDown;
    }

    /** Whether {@code name} is a temporary of a target named {@code targetName}. */
    public static boolean isTemporaryOf(String name, String targetName) {
        return pattern(Path.of(targetName)).matcher(name).matches();
    }

    private static Pattern pattern(Path target) {
        return Pattern.compile("\\." + Pattern.quote(base(target))
                + "\\.(?:[0-9a-f]{1,16}\\.tmp(?:\\.old)?|tmp-[0-9a-f]{1,20})");
    }

    private static String base(Path target) {
        String name = target.getFileName().toString();
        return name.length() > MAX_BASE ? name.substring(0, MAX_BASE) : name;
    }

    /** Deletes a file or a tree without following links; what cannot be deleted stays, hidden. */
    public static void deleteTree(Path root) {
        try {
            if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(root);
                return;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a hidden leftover is never mistaken for output, and the next run removes it
        }
    }

    /**
     * The shutdown hook. The interrupted command may still be writing into a temporary directory
     * while it runs, so a tree that reappears (a file created after its folder was listed) is
     * deleted again.
     */
    private static void deleteAllLive() {
        shuttingDown = true;
        ASIDE.forEach((aside, target) -> {
            try {
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                // it stays hidden beside the target
            }
        });
        for (Path temp : Set.copyOf(LIVE)) {
            for (int attempt = 0; attempt < SHUTDOWN_ATTEMPTS && Files.exists(temp, LinkOption.NOFOLLOW_LINKS);
                    attempt++) {
                deleteTree(temp);
            }
        }
    }
}
