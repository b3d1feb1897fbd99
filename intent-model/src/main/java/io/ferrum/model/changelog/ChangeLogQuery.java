package io.ferrum.model.changelog;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the change log, newest first, filtered by object, actor or request. */
@Service
public class ChangeLogQuery {

    private final JdbcTemplate jdbc;

    public ChangeLogQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Any filter may be null; {@code requestId} is the client's id for the request, {@code serverRequestId} the
     * server's. {@code limit} caps the rows, {@code beforeId} pages backwards.
     */
    public List<ChangeLogEntry> find(String objectType, Long objectId, String actor, String requestId,
                                     String serverRequestId, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, request_id, server_request_id, action, "
                + "object_type, object_id, before::text, after::text FROM change_log WHERE true");
        List<Object> args = new ArrayList<>();
        filter(sql, args, "object_type", objectType);
        filter(sql, args, "object_id", objectId);
        filter(sql, args, "actor", actor);
        filter(sql, args, "request_id", requestId);
        filter(sql, args, "server_request_id", serverRequestId);
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new ChangeLogEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                rs.getString(9), rs.getString(10)), args.toArray());
    }

    /**
     * The intent's revision: the id of the newest change-log row, 0 when nothing was ever changed. It only grows,
     * and it stays put while the intent does, which is what a DNS SOA serial needs.
     */
    public long revision() {
        Long newest = jdbc.queryForObject("SELECT max(id) FROM change_log", Long.class);
        return newest == null ? 0 : newest;
    }

    private static void filter(StringBuilder sql, List<Object> args, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }
}
