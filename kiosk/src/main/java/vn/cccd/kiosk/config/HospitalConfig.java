package vn.cccd.kiosk.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.cccd.reader.util.Text;

/**
 * Hospital reception settings ({@code hospital.*} keys).
 *
 * @param departments the departments a patient can choose, in the order shown
 * @param webhookUrl where each check-in is POSTed (the hospital information system), or null for none
 * @param webhookTimeout how long one delivery attempt may take
 * @param webhookFirstRetry the delay before the first retry; each further retry waits twice as long
 * @param webhookMaxRetry the longest delay between two attempts
 * @param bhyt the BHXH gateway account for the BHYT check, or null: no check is made
 */
public record HospitalConfig(List<Department> departments, URI webhookUrl, Duration webhookTimeout,
        Duration webhookFirstRetry, Duration webhookMaxRetry, BhytGatewayConfig bhyt) {

    /** Default departments for a general hospital's outpatient reception (configurable). */
    public static final List<Department> DEFAULT_DEPARTMENTS = List.of(
            new Department("noi", "Khám Nội", "Internal medicine"),
            new Department("ngoai", "Khám Ngoại", "Surgery"),
            new Department("nhi", "Khám Nhi", "Paediatrics"),
            new Department("san", "Khám Sản phụ khoa", "Obstetrics and gynaecology"),
            new Department("tmh", "Khám Tai Mũi Họng", "Ear, nose and throat"));

    public HospitalConfig {
        departments = List.copyOf(departments);
        Objects.requireNonNull(webhookTimeout, "webhookTimeout");
        Objects.requireNonNull(webhookFirstRetry, "webhookFirstRetry");
        Objects.requireNonNull(webhookMaxRetry, "webhookMaxRetry");
    }

    /** The defaults: the departments above, no webhook, retries from 2 s up to 5 min. */
    public static HospitalConfig defaults() {
        return new HospitalConfig(DEFAULT_DEPARTMENTS, null, Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofMinutes(5), null);
    }

    public HospitalConfig withDepartments(List<Department> v) {
        return new HospitalConfig(v, webhookUrl, webhookTimeout, webhookFirstRetry, webhookMaxRetry, bhyt);
    }

    public HospitalConfig withWebhook(URI url, Duration timeout, Duration firstRetry, Duration maxRetry) {
        return new HospitalConfig(departments, url, timeout, firstRetry, maxRetry, bhyt);
    }

    public HospitalConfig withBhyt(BhytGatewayConfig gateway) {
        return new HospitalConfig(departments, webhookUrl, webhookTimeout, webhookFirstRetry, webhookMaxRetry, gateway);
    }

    public Optional<Department> department(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /**
     * A department: a short code for the HIS and the queue, and its name (Vietnamese, printed on the ticket; English
     * for the UI, optional).
     */
    public record Department(String code, String vi, String en) {
        public Department {
            Objects.requireNonNull(code, "code");
            vi = Text.nfc(Objects.requireNonNull(vi, "vi"));
            en = Text.nfc(en);
        }

        /** The name in {@code lang}, falling back to Vietnamese. */
        public String name(String lang) {
            return "en".equals(lang) && en != null ? en : vi;
        }
    }
}
