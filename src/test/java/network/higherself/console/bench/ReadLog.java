package network.higherself.console.bench;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A data source that records what the board reads through it: each statement's kind (count, page at an offset,
 * limits), when it ran and how long it took from borrowing the connection to giving it back. For seeing where an
 * open's time goes; adds well under a millisecond a read.
 */
final class ReadLog {

    record Read(String kind, long offset, long startNanos, long endNanos, String sql, List<Object> params) {

        /** The statement with its parameters written in, for EXPLAIN. */
        String inlined() {
            StringBuilder out = new StringBuilder();
            int p = 0;
            for (char ch : sql.toCharArray()) {
                if (ch == '?' && p < params.size()) {
                    Object v = params.get(p++);
                    out.append(v instanceof String text ? "'" + text.replace("'", "''") + "'" : String.valueOf(v));
                } else {
                    out.append(ch);
                }
            }
            return out.toString();
        }
    }

    private final DataSource target;
    private final List<Read> reads = new ArrayList<>();

    ReadLog(DataSource target) {
        this.target = target;
        // define the proxy classes now, not during the first (cold, measured) open
        Proxy.newProxyInstance(ReadLog.class.getClassLoader(), new Class<?>[]{Connection.class}, (p, m, a) -> null);
        Proxy.newProxyInstance(ReadLog.class.getClassLoader(), new Class<?>[]{PreparedStatement.class}, (p, m, a) -> null);
    }

    synchronized void clear() {
        reads.clear();
    }

    /** The last read so far. */
    synchronized Read last() {
        return reads.get(reads.size() - 1);
    }

    private synchronized void add(Read r) {
        reads.add(r);
    }

    /** The reads that finished by {@code until} (and how many more ran or queued after). */
    synchronized String summary(long until) {
        int counts = 0;
        int pages = 0;
        int later = 0;
        double countMs = 0;
        double pageMs = 0;
        double otherMs = 0;
        List<String> offsets = new ArrayList<>();
        for (Read r : reads) {
            if (r.endNanos > until) {
                later++;
                continue;
            }
            double ms = (r.endNanos - r.startNanos) / 1e6;
            switch (r.kind) {
                case "count" -> {
                    counts++;
                    countMs += ms;
                }
                case "page" -> {
                    pages++;
                    pageMs += ms;
                    if (r.offset > 0) {
                        offsets.add(String.format(Locale.ROOT, "%d (%.0f ms)", r.offset, ms));
                    }
                }
                default -> otherMs += ms;
            }
        }
        return String.format(Locale.ROOT, "%d counts %.1f ms, %d pages %.1f ms%s, other %.1f ms%s", counts, countMs,
                pages, pageMs, offsets.isEmpty() ? "" : " (offsets " + String.join(", ", offsets) + ")", otherMs,
                later == 0 ? "" : "; " + later + " more reads after the paint");
    }

    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(ReadLog.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (method.getName().equals("getConnection")) {
                        return connection((Connection) result);
                    }
                    return result;
                });
    }

    private Connection connection(Connection c) {
        long start = System.nanoTime();
        String[] kind = {"other"};
        String[] sql = {""};
        long[] offset = {0};
        List<Object> params = new ArrayList<>();
        return (Connection) Proxy.newProxyInstance(ReadLog.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        Object r = invoke(c, method, args);
                        add(new Read(kind[0], offset[0], start, System.nanoTime(), sql[0], List.copyOf(params)));
                        return r;
                    }
                    Object result = invoke(c, method, args);
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String text) {
                        sql[0] = text;
                        kind[0] = text.startsWith("SELECT COUNT(*)") ? "count" : text.contains("OFFSET ?") ? "page" : "other";
                        return statement((PreparedStatement) result, offset, params);
                    }
                    return result;
                });
    }

    private static PreparedStatement statement(PreparedStatement ps, long[] offset, List<Object> params) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("setLong")) {
                offset[0] = (Long) args[1]; // the page query's last long is its offset
            }
            if (method.getName().startsWith("set") && args != null && args.length == 2 && args[0] instanceof Integer at) {
                while (params.size() < at) {
                    params.add(null);
                }
                params.set(at - 1, args[1]);
            }
            return invoke(ps, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(ReadLog.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, h);
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
