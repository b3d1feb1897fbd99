package io.ferrum.provisioning.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/** Wraps a DataSource to count the SQL statements run through it and the time spent executing them. */
final class StatementClock {

    private final LongAdder statements = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder borrows = new LongAdder();

    void reset() {
        statements.reset();
        nanos.reset();
        borrows.reset();
    }

    long statements() {
        return statements.sum();
    }

    /** Connections taken from the pool (each a round trip's worth of bookkeeping for autocommit statements). */
    long borrows() {
        return borrows.sum();
    }

    long millis() {
        return nanos.sum() / 1_000_000;
    }

    DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            Object result = method.invoke(target, args);
            if (method.getName().equals("getConnection")) {
                borrows.increment();
                return proxy(Connection.class, result, this::connection);
            }
            return result;
        });
    }

    private Object connection(Object target, Method method, Object[] args) throws Throwable {
        Object result = method.invoke(target, args);
        if (result instanceof PreparedStatement ps) {
            return proxy(PreparedStatement.class, ps, this::statement);
        }
        if (result instanceof Statement s) {
            return proxy(Statement.class, s, this::statement);
        }
        return result;
    }

    private Object statement(Object target, Method method, Object[] args) throws Throwable {
        if (!method.getName().startsWith("execute")) {
            return method.invoke(target, args);
        }
        long started = System.nanoTime();
        try {
            return method.invoke(target, args);
        } finally {
            nanos.add(System.nanoTime() - started);
            statements.increment();
        }
    }

    private interface Call {
        Object invoke(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return call.invoke(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
