package vn.cccd.reader.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.testing.ScriptedTransport;
import vn.cccd.reader.util.Hex;

class DecoratorsTest {

    @Test
    void getResponseCollectsChainedAnswers() {
        ScriptedTransport card = new ScriptedTransport()
                .expect("00 B0 00 00 00", "01 02 61 03")
                .expect("00 C0 00 00 03", "03 04 05 61 01")
                .expect("00 C0 00 00 01", "06 90 00");
        byte[] r = new GetResponseTransport(card).transceive(Hex.decode("00 B0 00 00 00"));
        assertThat(Hex.encode(r)).isEqualTo("0102030405069000");
        assertThat(card.finished()).isTrue();
    }

    @Test
    void aCardThatAlwaysSays61IsCutOff() {
        vn.cccd.reader.transport.CardTransport endless = command -> Hex.decode("AA 61 01");
        assertThatThrownBy(() -> new GetResponseTransport(endless).transceive(Hex.decode("00 B0 00 00 00")))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("61xx");
    }

    @Test
    void wrongLeIsCorrectedOnce() {
        ScriptedTransport card = new ScriptedTransport()
                .expect("00 B0 00 00 10", "6C 08")
                .expect("00 B0 00 00 08", "01 02 03 04 05 06 07 08 90 00");
        assertThat(Hex.encode(new LeCorrectionTransport(card).transceive(Hex.decode("00 B0 00 00 10"))))
                .isEqualTo("01020304050607089000");
        ScriptedTransport stubborn = new ScriptedTransport()
                .expect("00 B0 00 00 10", "6C 08")
                .expect("00 B0 00 00 08", "6C 04");
        assertThat(Hex.encode(new LeCorrectionTransport(stubborn).transceive(Hex.decode("00 B0 00 00 10"))))
                .as("no second correction: the caller sees the status word").isEqualTo("6C04");
    }

    @Test
    void theTraceNeverShowsDataBytes() {
        Logger log = (Logger) LoggerFactory.getLogger(TracingTransport.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        log.addAppender(events);
        Level before = log.getLevel();
        log.setLevel(Level.DEBUG);
        try {
            ScriptedTransport card = new ScriptedTransport()
                    .expect("0C B0 00 00 0D 97 01 04 8E 08 ED 67 05 41 7E 96 BA 55 00",
                            "87 09 01 9F F0 EC 34 F9 92 26 51 99 02 90 00 8E 08 AD 55 CC 17 14 0B 2D ED 90 00");
            TracingTransport.standard(card).transceive(Hex.decode("0C B0 00 00 0D 97 01 04 8E 08 ED 67 05 41 7E 96 BA 55 00"));
        } finally {
            log.setLevel(before);
            log.detachAppender(events);
        }
        assertThat(events.list).hasSize(1);
        String line = events.list.get(0).getFormattedMessage();
        assertThat(line).contains("0C B0 00 00").contains("9000");
        for (String secret : new String[] {"ED67", "ED 67", "9FF0", "9F F0", "AD55", "AD 55", "8E08", "8E 08"}) {
            assertThat(line).doesNotContainIgnoringCase(secret);
        }
    }
}
