package vn.cccd.reader.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.lds.LdsFile;

/**
 * The raw files of one document as read from the chip (or from a directory saved with {@code --save}), by
 * LDS file. Immutable; the arrays are copied in and out.
 */
public final class DocumentFiles {
    /** Larger files in a saved directory are not eMRTD files: refuse them before reading them into memory. */
    public static final long MAX_SAVED_FILE = 1024 * 1024;

    private final Map<LdsFile, byte[]> files;

    public DocumentFiles(Map<LdsFile, byte[]> files) {
        EnumMap<LdsFile, byte[]> copy = new EnumMap<>(LdsFile.class);
        files.forEach((k, v) -> copy.put(k, v.clone()));
        this.files = Collections.unmodifiableMap(copy);
    }

    public Optional<byte[]> get(LdsFile file) {
        byte[] b = files.get(file);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    public boolean has(LdsFile file) {
        return files.containsKey(file);
    }

    public java.util.Set<LdsFile> present() {
        return files.keySet();
    }

    /** The files by contract name ("DG1", "SOD", ...), copies. */
    public Map<String, byte[]> byContractName() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        files.forEach((k, v) -> out.put(k.contractName(), v.clone()));
        return out;
    }

    /** Writes every file as NAME.bin ({@code COM.bin}, {@code DG1.bin} ...) into {@code dir}. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<LdsFile, byte[]> e : files.entrySet()) {
            Files.write(dir.resolve(e.getKey().fileName()), e.getValue());
        }
    }

    /** Loads the NAME.bin files of a directory written by {@link #save(Path)}; unknown files are ignored. */
    public static DocumentFiles load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory: " + dir);
        }
        EnumMap<LdsFile, byte[]> found = new EnumMap<>(LdsFile.class);
        for (LdsFile f : LdsFile.values()) {
            Path p = dir.resolve(f.fileName());
            if (Files.isRegularFile(p)) {
                if (Files.size(p) > MAX_SAVED_FILE) {
                    throw new MalformedDataException(p.getFileName() + " is larger than " + MAX_SAVED_FILE
                            + " bytes: not an eMRTD file");
                }
                found.put(f, Files.readAllBytes(p));
            }
        }
        return new DocumentFiles(found);
    }

    @Override
    public String toString() {
        return "DocumentFiles" + files.keySet();
    }
}
