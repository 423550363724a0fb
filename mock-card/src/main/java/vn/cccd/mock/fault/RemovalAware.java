package vn.cccd.mock.fault;

/**
 * A chip (or decorator) that wants to know when the card leaves the field: a terminal's {@code remove()},
 * a closed vpcd socket, the serving process shutting down. A decorator blocked inside
 * {@link vn.cccd.mock.chip.Chip#process(byte[])} (a stalled card) ends its wait on this signal, so that no
 * thread stays blocked on a card that is gone.
 */
public interface RemovalAware {

    /** Called once per removal, from whichever thread removed the card; must not block. */
    void cardRemoved();

    /** Forwards the signal to {@code chip} when it listens for it. */
    static void notifyRemoved(Object chip) {
        if (chip instanceof RemovalAware aware) {
            aware.cardRemoved();
        }
    }
}
