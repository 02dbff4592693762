package io.lgc.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The folder each class gets in a PNG output, {@code DIR/<folder>/<index>.png}. Class names are
 * free text ("T-shirt/top"), folder names must be safe on every common file system, so:
 * <ul>
 *   <li>{@code / \ : * ? " < > |} and control characters become {@code _} ("T-shirt/top" →
 *       "T-shirt_top");
 *   <li>a leading or trailing dot becomes {@code _} (no hidden folders, no "." or "..");
 *   <li>Windows' reserved device names get a {@code _} appended ("CON" → "CON_");
 *   <li>names are cut to {@value #MAX_BYTES} bytes of UTF-8;
 *   <li>a folder name already taken by an earlier class, ignoring case (for macOS and Windows),
 *       gets {@code _2}, {@code _3}, ... appended.
 * </ul>
 * The mapping depends only on the list of class names, so a reader holding {@code classes.txt}
 * computes the same folders and maps them back to the exact names.
 */
public final class ClassFolders {
    /** Below the usual limit of 255 bytes, leaving room for a collision suffix. */
    public static final int MAX_BYTES = 200;

    private static final Pattern UNSAFE = Pattern.compile("[/\\\\:*?\"<>|\\p{Cntrl}]");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])(\\..*)?");

    private ClassFolders() {}

    /** The folder of each class, in label order; all different, even ignoring case. */
    public static List<String> folderNames(List<String> classNames) {
        List<String> folders = new ArrayList<>(classNames.size());
        Set<String> taken = new HashSet<>();
        for (String name : classNames) {
            String base = safeName(name);
            String folder = base;
            for (int n = 2; taken.contains(folder.toLowerCase(Locale.ROOT)); n++) {
                folder = base + "_" + n;
            }
            taken.add(folder.toLowerCase(Locale.ROOT));
            folders.add(folder);
        }
        return folders;
    }

    /** One class name made safe, before collisions are resolved. */
    static String safeName(String name) {
        String safe = UNSAFE.matcher(name).replaceAll("_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        safe = truncate(safe);
        if (safe.endsWith(".") || safe.endsWith(" ")) {
            safe = safe.substring(0, safe.length() - 1) + "_";
        }
        if (safe.isEmpty()) {
            return "_";
        }
        if (RESERVED.matcher(safe).matches()) {
            safe = safe + "_";
        }
        return safe;
    }

    private static String truncate(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BYTES) {
                break;
            }
            cut.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return cut.toString();
    }
}
