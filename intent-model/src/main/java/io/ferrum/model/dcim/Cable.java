package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A cable between two ports. Its label is unique in the site and printed on both ends. */
@Entity
public class Cable extends IntentEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    private Site site;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "a_port_id")
    private Port aPort;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "b_port_id")
    private Port bPort;
    @Column(nullable = false)
    private CableType type;
    private String colour;
    @Column(name = "length_m")
    private BigDecimal lengthM;
    @Column(nullable = false)
    private String label;
    @Column(nullable = false)
    private CableStatus status = CableStatus.PLANNED;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> tags = new ArrayList<>();

    protected Cable() {
    }

    public Cable(Site site, String label, Port aPort, Port bPort, CableType type) {
        this.site = site;
        this.label = label;
        this.aPort = aPort;
        this.bPort = bPort;
        this.type = type;
    }

    @Override
    public String objectType() {
        return "cable";
    }

    @Override
    public String displayName() {
        return label;
    }

    public Site getSite() { return site; }
    public Port getAPort() { return aPort; }
    public void setAPort(Port aPort) { this.aPort = aPort; }
    public Port getBPort() { return bPort; }
    public void setBPort(Port bPort) { this.bPort = bPort; }
    public CableType getType() { return type; }
    public void setType(CableType type) { this.type = type; }
    public String getColour() { return colour; }
    public void setColour(String colour) { this.colour = colour; }
    public BigDecimal getLengthM() { return lengthM; }
    public void setLengthM(BigDecimal lengthM) { this.lengthM = lengthM; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public CableStatus getStatus() { return status; }
    public void setStatus(CableStatus status) { this.status = status; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = new ArrayList<>(tags); }
}
