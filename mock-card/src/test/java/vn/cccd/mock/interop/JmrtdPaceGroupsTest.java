package vn.cccd.mock.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import javax.crypto.spec.DHParameterSpec;
import org.jmrtd.lds.PACEInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.reader.protocol.pace.PaceGroup;

/** Our standardized DH groups agree with JMRTD's: both ends of a key agreement in our group match JMRTD's numbers. */
class JmrtdPaceGroupsTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void theDhGroupsAreTheStandardOnes(int id) {
        DHParameterSpec theirs = (DHParameterSpec) PACEInfo.toParameterSpec(id);
        PaceGroup ours = PaceGroup.standard(id);
        SecureRandom r = new SecureRandom();
        BigInteger a = ours.randomPrivateKey(r);
        BigInteger b = ours.randomPrivateKey(r);
        // our public key equals g^a mod p with JMRTD's g and p, and the agreement is symmetric
        assertThat(new BigInteger(1, ours.publicKey(a))).isEqualTo(theirs.getG().modPow(a, theirs.getP()));
        assertThat(ours.sharedSecret(a, ours.publicKey(b))).isEqualTo(ours.sharedSecret(b, ours.publicKey(a)));
    }
}
