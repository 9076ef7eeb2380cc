package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A treatment, retreat or class the wellness center offers. */
@Entity
@Table(name = "wellness_service")
public class WellnessService extends Named {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ServiceKind kind;

    @Column(name = "list_price", precision = 12, scale = 2)
    private BigDecimal listPrice;

    protected WellnessService() {
    }

    public WellnessService(String name, ServiceKind kind, BigDecimal listPrice) {
        super(name);
        this.kind = kind;
        this.listPrice = listPrice;
    }

    public ServiceKind getKind() {
        return kind;
    }

    public BigDecimal getListPrice() {
        return listPrice;
    }
}
