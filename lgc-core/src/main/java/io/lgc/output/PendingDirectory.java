package io.lgc.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A directory built under a hidden temporary name beside its target ({@link Temporaries}) and
 * renamed onto it when complete, so a reader sees all of it or nothing. An existing target (which
 * {@link OutputTarget} allowed to be replaced, checked again at the swap) is first renamed aside and
 * deleted once the new one is in place; if the swap fails, it is put back.
 */
public final class PendingDirectory implements AutoCloseable {
    private final OutputTarget target;
    private final Path temp;
    private boolean done;

    private PendingDirectory(OutputTarget target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Checks the target and creates the temporary directory beside it. */
    public static PendingDirectory create(OutputTarget target) throws IOException {
        target.prepare();
        Path temp = Temporaries.sibling(target.absolute());
        Temporaries.register(temp);
        try {
            Files.createDirectory(temp);
        } catch (IOException | RuntimeException e) {
            Temporaries.release(temp);
            throw e;
        }
        return new PendingDirectory(target, temp);
    }

    /** Where the content is written until {@link #commit}. */
    public Path temp() {
        return temp;
    }

    /** Renames the temporary onto the target, replacing what was there. */
    public void commit() throws IOException {
        Path final_ = target.absolute();
        boolean replacing = target.requireReplaceable() || Files.exists(final_, LinkOption.NOFOLLOW_LINKS);
        if (!replacing) {
            Files.move(temp, final_, StandardCopyOption.ATOMIC_MOVE);
            finish();
            return;
        }
        Path old = Temporaries.sibling(final_);
        Temporaries.registerAside(old, final_);
        Files.move(final_, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, final_, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.move(old, final_, StandardCopyOption.ATOMIC_MOVE); // put the previous output back
            Temporaries.release(old);
            throw e;
        }
        finish();
        Temporaries.release(old);
        Temporaries.register(old); // now only to delete
        Temporaries.deleteTree(old);
        Temporaries.release(old);
    }

    private void finish() {
        done = true;
        Temporaries.release(temp);
    }

    /** Deletes the temporary unless committed; best effort, as we are already failing. */
    public void discard() {
        if (!done) {
            done = true;
            Temporaries.deleteTree(temp);
            Temporaries.release(temp);
        }
    }

    @Override
    public void close() {
        discard();
    }
}
