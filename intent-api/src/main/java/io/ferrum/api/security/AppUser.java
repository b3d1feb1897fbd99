package io.ferrum.api.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person or system that uses Ferrum, with a password hash (bcrypt) and roles. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ferrum_id")
    @SequenceGenerator(name = "ferrum_id", sequenceName = "ferrum_id_seq", allocationSize = 100)
    private Long id;
    @Version
    private long version;
    @Column(nullable = false, unique = true)
    private String username;
    @Column(name = "password_hash")
    private String passwordHash;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> roles = new ArrayList<>();
    @Column(nullable = false)
    private boolean enabled = true;
    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, List<Role> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = new ArrayList<>(roles.stream().map(Role::wire).toList());
    }

    public List<Role> roles() {
        return roles.stream().map(Role::of).toList();
    }

    public void setRoles(List<Role> roles) {
        this.roles = new ArrayList<>(roles.stream().map(Role::wire).toList());
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN.wire());
    }

    /** A new password (already hashed); remembers when, which the change log shows instead of the hash. */
    public void changePassword(String passwordHash, Instant at) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = at;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public Instant getPasswordChangedAt() { return passwordChangedAt; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
