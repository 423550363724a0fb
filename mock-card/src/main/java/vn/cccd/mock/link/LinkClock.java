package vn.cccd.mock.link;

/**
 * Where the link model spends its simulated time: really asleep ({@link #SYSTEM}) or on a
 * {@link VirtualClock} that only adds it up, so that tests of timing-dependent behaviour run at full speed.
 */
public interface LinkClock {

    /** Sleeps for real. An interrupt ends the sleep early and stays set on the thread. */
    LinkClock SYSTEM = nanos -> {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    /** Lets {@code nanos} of link time pass. */
    void pass(long nanos);
}
