package io.ferrum.api.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
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

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
