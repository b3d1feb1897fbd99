package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A colocation site, known by a short code such as {@code ams1}. */
@Entity
public class Site extends IntentEntity {

    @Column(nullable = false, unique = true)
    private String code;
    @Column(nullable = false)
    private String name;
    private String address;
    @Column(nullable = false)
    private String timezone = "UTC";
    @Column(nullable = false)
    private SiteStatus status = SiteStatus.PLANNED;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> tags = new ArrayList<>();

    protected Site() {
    }

    public Site(String code, String name) {
        this.code = code;
        this.name = name;
    }

    @Override
    public String objectType() {
        return "site";
    }

    @Override
    public String displayName() {
        return code;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getTimezone() { return timezone; }
    public void setTimezone(String timezone) { this.timezone = timezone; }
    public SiteStatus getStatus() { return status; }
    public void setStatus(SiteStatus status) { this.status = status; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = new ArrayList<>(tags); }
}
