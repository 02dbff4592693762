package io.lgc.artifact.container;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.lang.management.ManagementFactory;

/** Assertions shared by the damage and forgery tests. */
public final class Rejections {
    private Rejections() {
    }

    /** Reading must fail with exactly ContainerFormatException, naming the file first. */
    public static ContainerFormatException assertRejected(byte[] bytes, String name) {
        try {
            ContainerReader.read(bytes, name);
        } catch (ContainerFormatException e) {
            return checkMessage(e, name);
        } catch (Throwable other) {
            throw new AssertionError("expected ContainerFormatException, got " + other, other);
        }
        throw new AssertionError("damaged input was accepted");
    }

    public static ContainerFormatException checkMessage(ContainerFormatException e, String name) {
        if (!e.getMessage().startsWith(name + ": ") || e.getMessage().contains("\n")) {
            fail("message must be one line starting with the file name: " + e.getMessage());
        }
        return e;
    }

    public static void assertRejected(byte[] bytes, String name, String expectedMessagePart) {
        assertThatThrownBy(() -> ContainerReader.read(bytes, name))
                .isExactlyInstanceOf(ContainerFormatException.class)
                .hasMessageStartingWith(name + ": ")
                .hasMessageContaining(expectedMessagePart);
    }

    /** Bytes allocated on this thread's heap while {@code action} runs (HotSpot counter). */
    public static long allocatedDuring(Runnable action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
