package vn.cccd.reader.read;

import java.nio.file.Path;
import java.util.List;
import vn.cccd.reader.keys.AccessKey;

/**
 * What to read and how to verify it.
 *
 * @param keys access keys to try in order (several candidates when the expiry date is ambiguous)
 * @param readFace whether to read DG2 (a form that needs no portrait skips it)
 * @param trustDirs directories of CSCA certificates (PEM/DER) and ICAO master lists; empty means the
 *     chain cannot be trusted and the verdict is at best UNVERIFIED
 * @param activeAuthChallenge an 8-byte challenge from an online verifier, or null for a fresh random one
 */
public record ReadRequest(List<AccessKey> keys, boolean readFace, List<Path> trustDirs, byte[] activeAuthChallenge) {
    public ReadRequest {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("at least one access key is needed");
        }
        keys = List.copyOf(keys);
        trustDirs = trustDirs == null ? List.of() : List.copyOf(trustDirs);
        activeAuthChallenge = activeAuthChallenge == null ? null : activeAuthChallenge.clone();
    }

    public ReadRequest(List<AccessKey> keys, boolean readFace, List<Path> trustDirs) {
        this(keys, readFace, trustDirs, null);
    }

    @Override
    public byte[] activeAuthChallenge() {
        return activeAuthChallenge == null ? null : activeAuthChallenge.clone();
    }
}
