package io.ferrum.model.exchange;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A trading venue we connect to, by its market identifier code (e.g. {@code XNAS}). */
@Entity
public class Exchange extends IntentEntity {

    @Column(nullable = false, unique = true)
    private String code;
    @Column(nullable = false)
    private String name;

    protected Exchange() {
    }

    public Exchange(String code, String name) {
        this.code = code;
        this.name = name;
    }

    @Override
    public String objectType() {
        return "exchange";
    }

    @Override
    public String displayName() {
        return code;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
