import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * An open-loop load generator: requests leave at a constant rate, evenly spaced, whatever the server
 * answers, and each request's time runs from when it was due, not from when a connection was free to
 * send it (so a stalled server is charged for every request that waited behind the stall).
 *
 * <p>Why not h2load's {@code --rps}: its per-connection timer fires at most every 10 ms, and HTTP/1.1
 * keeps one request in flight a connection, so at 300 requests a second a connection it sends three
 * or four back to back each tick, and its 64 connections tick together: every 10 ms the server gets
 * the whole tick's requests at once and is saturated until it has answered them. Its times then
 * measure how fast a server empties a burst (its throughput), which is what a fixed rate is meant to
 * keep out.
 *
 * <pre>java src/bench/FixedRate.java URL RATE SECONDS WARMUP_SECONDS STATUS [HEADER...]</pre>
 *
 * HTTP/1.1 on persistent connections (64, as wrk uses here), bodies sized by Content-Length.
 * Prints one line: requests, then p50, p90, p99, p99.9 and max of the times, and the p99 of how late
 * requests left against their schedule (the client's own lag: it must stay small for the times to
 * be the server's), all in ms. Exits 1 if any answer had another status. Busy-polls its core; run it
 * on a core of its own. With FIXED_RATE_LOG=file it also writes each request's due time (µs into the
 * measurement) and its time (µs), a line each: stalls show there as runs of slow requests.
 */
public final class FixedRate {
    private static final int CONNECTIONS = 64;

    private static final class Connection {
        final SocketChannel channel;
        final ByteBuffer request;
        ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        long due;

        Connection(SocketChannel channel, byte[] request) {
            this.channel = channel;
            this.request = ByteBuffer.allocateDirect(request.length).put(request);
        }
    }

    private final Selector selector;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final int expected;
    private final long measureFrom;
    private final long[] times;
    private final long[] lags;
    private final long[] dues;
    private int recorded;
    private int lagged;
    private int wrongStatus;
    private int lastWrong;
    private int outstanding;
    // requests due while every connection waited for an answer: their times still run from when due
    private final long[] backlog = new long[1 << 20];
    private int backlogHead;
    private int backlogTail;
    // made once: a method reference that captures this is a new object each time it is evaluated
    private final Consumer<SelectionKey> onReady = this::answered;

    private FixedRate(URI url, byte[] request, int expected, long measureFrom, int capacity) throws IOException {
        this.selector = Selector.open();
        this.expected = expected;
        this.measureFrom = measureFrom;
        this.times = new long[capacity];
        this.lags = new long[capacity];
        this.dues = new long[capacity];
        for (int i = 0; i < CONNECTIONS; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(url.getHost(), url.getPort()));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            Connection connection = new Connection(channel, request);
            channel.register(selector, SelectionKey.OP_READ, connection);
            idle.push(connection);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: java FixedRate.java URL RATE SECONDS WARMUP_SECONDS STATUS [HEADER...]");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        double warmUp = Double.parseDouble(args[3]);
        StringBuilder request = new StringBuilder()
                .append("GET ").append(url.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n");
        for (int i = 5; i < args.length; i++) {
            request.append(args[i]).append("\r\n");
        }
        long start = System.nanoTime() + 10_000_000;
        long measureFrom = start + Math.round(warmUp * 1e9);
        long end = measureFrom + Math.round(seconds * 1e9);
        FixedRate run = new FixedRate(url, request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1),
                Integer.parseInt(args[4]), measureFrom, (int) Math.ceil(rate * seconds) + 16);
        run.drive(start, end, Math.round(1e9 / rate));
        run.report();
    }

    private void drive(long start, long end, long interval) throws IOException {
        long next = start;
        while (true) {
            long now = System.nanoTime();
            while (next <= now && next < end) {
                // how late the client itself got to a due request: the times are the server's only while
                // this stays small
                if (next >= measureFrom && lagged < lags.length) {
                    lags[lagged++] = now - next;
                }
                if (idle.isEmpty()) {
                    if (backlogTail - backlogHead == backlog.length) {
                        throw new IllegalStateException("over a million requests waiting: the server has stalled");
                    }
                    backlog[backlogTail++ & (backlog.length - 1)] = next;
                } else {
                    send(idle.pop(), next);
                }
                next += interval;
            }
            if (next >= end && outstanding == 0 && backlogHead == backlogTail) {
                return;
            }
            if (now > end + 10_000_000_000L) {
                throw new IllegalStateException(outstanding + " answers still missing 10 s after the last request");
            }
            // the consumer form allocates no iterator: the client makes no garbage per request
            if (selector.selectNow(onReady) == 0) {
                // polling, but giving the core to anything else that waits for it: on loopback the
                // kernel's network work for this core's sockets runs in threads that a client spinning
                // without a break kept off it for milliseconds (nginx's p99 read 25 ms at half its rate)
                Thread.yield();
            }
        }
    }

    private void answered(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        int status = read(connection);
        if (status == 0) {
            return;
        }
        long now = System.nanoTime();
        outstanding--;
        if (connection.due >= measureFrom) {
            if (status != expected) {
                wrongStatus++;
                lastWrong = status;
            }
            if (recorded < times.length) {
                dues[recorded] = connection.due - measureFrom;
                times[recorded++] = now - connection.due;
            }
        }
        if (backlogHead != backlogTail) {
            send(connection, backlog[backlogHead++ & (backlog.length - 1)]);
        } else {
            idle.push(connection);
        }
    }

    private void report() throws IOException {
        String log = System.getenv("FIXED_RATE_LOG");
        if (log != null) { // when each request was due (µs into the measurement) and its time (µs)
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < recorded; i++) {
                lines.append(dues[i] / 1000).append('\t').append(times[i] / 1000).append('\n');
            }
            java.nio.file.Files.writeString(java.nio.file.Path.of(log), lines);
        }
        Arrays.sort(times, 0, recorded);
        Arrays.sort(lags, 0, lagged);
        System.out.println(String.format(Locale.ROOT, "%d %.3f %.3f %.3f %.3f %.3f %.3f", recorded,
                ms(at(times, recorded, 0.5)), ms(at(times, recorded, 0.9)), ms(at(times, recorded, 0.99)),
                ms(at(times, recorded, 0.999)), ms(recorded == 0 ? 0 : times[recorded - 1]),
                ms(at(lags, lagged, 0.99))));
        if (wrongStatus > 0 || recorded == 0) {
            System.err.println(recorded + " answers, " + wrongStatus + " not " + expected + " (such as " + lastWrong + ")");
            System.exit(1);
        }
    }

    private void send(Connection connection, long due) {
        connection.due = due;
        connection.request.rewind();
        try {
            while (connection.request.hasRemaining()) {
                connection.channel.write(connection.request);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("sending a request", e);
        }
        outstanding++;
    }

    /** Reads what arrived; returns the answer's status once it is whole, else 0. */
    private static int read(Connection connection) {
        ByteBuffer in = connection.in;
        try {
            if (connection.channel.read(in) < 0) {
                throw new IOException("the server closed a connection");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading an answer", e);
        }
        int headerEnd = headerEnd(in);
        if (headerEnd < 0) {
            grow(connection);
            return 0;
        }
        int status = (in.get(9) - '0') * 100 + (in.get(10) - '0') * 10 + (in.get(11) - '0');
        long total = headerEnd + (status == 304 || status == 204 ? 0 : contentLength(in, headerEnd));
        if (in.position() < total) {
            if (total > in.capacity()) {
                grow(connection, (int) total);
            }
            return 0;
        }
        if (in.position() > total) {
            throw new IllegalStateException("more bytes than one answer: pipelining is not expected");
        }
        in.clear();
        return status;
    }

    private static int headerEnd(ByteBuffer in) {
        for (int i = 3; i < in.position(); i++) {
            if (in.get(i) == '\n' && in.get(i - 1) == '\r' && in.get(i - 2) == '\n' && in.get(i - 3) == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static final byte[] CONTENT_LENGTH = "\r\ncontent-length:".getBytes(StandardCharsets.ISO_8859_1);

    /** The Content-Length header's value, read in place: the client allocates nothing per request. */
    private static long contentLength(ByteBuffer in, int headerEnd) {
        search:
        for (int i = 0; i + CONTENT_LENGTH.length < headerEnd; i++) {
            for (int j = 0; j < CONTENT_LENGTH.length; j++) {
                if (Character.toLowerCase(in.get(i + j)) != CONTENT_LENGTH[j]) {
                    continue search;
                }
            }
            long length = 0;
            for (int k = i + CONTENT_LENGTH.length; k < headerEnd && in.get(k) != '\r'; k++) {
                byte b = in.get(k);
                if (b >= '0' && b <= '9') {
                    length = length * 10 + (b - '0');
                }
            }
            return length;
        }
        throw new IllegalStateException("an answer without Content-Length (chunked answers are not read)");
    }

    private static void grow(Connection connection) {
        if (!connection.in.hasRemaining()) {
            grow(connection, connection.in.capacity() * 2);
        }
    }

    private static void grow(Connection connection, int size) {
        ByteBuffer bigger = ByteBuffer.allocateDirect(size);
        connection.in.flip();
        bigger.put(connection.in);
        connection.in = bigger;
    }

    private static long at(long[] sorted, int count, double quantile) {
        return count == 0 ? 0 : sorted[Math.min(count - 1, (int) (quantile * count))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
