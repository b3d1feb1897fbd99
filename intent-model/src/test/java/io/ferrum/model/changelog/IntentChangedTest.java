package io.ferrum.model.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.model.common.IntentEntity;
import io.ferrum.model.dcim.Rack;
import io.ferrum.model.dcim.RackDraft;
import io.ferrum.model.dcim.RackService;
import io.ferrum.model.dcim.Site;
import io.ferrum.model.dcim.SiteDraft;
import io.ferrum.model.dcim.SiteService;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class IntentChangedTest {

    @Autowired
    SiteService sites;
    @Autowired
    RackService racks;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    HeardIntentChanges heard;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @BeforeEach
    void forget() {
        heard.events.clear();
    }

    @Test
    void afterCommitListenersHearOneEventPerKindWithEveryId() {
        List<IntentEntity> written = transaction.execute(status -> {
            Site site = sites.create(new SiteDraft("evt1", "Event site", null, null, null, null));
            Rack a = racks.create(new RackDraft("evt1", null, "r1", 42, 8000, null, null));
            Rack b = racks.create(new RackDraft("evt1", null, "r2", 42, 8000, null, null));
            assertThat(heard.events).as("nothing is announced before the commit").isEmpty();
            return List.of(site, a, b);
        });

        assertThat(heard.events).containsExactlyInAnyOrder(
                new IntentChanged(IntentKind.SITE, Set.of(written.get(0).getId())),
                new IntentChanged(IntentKind.RACK, Set.of(written.get(1).getId(), written.get(2).getId())));
    }

    @Test
    void aRolledBackWriteIsNeverAnnounced() {
        transaction.executeWithoutResult(status -> {
            sites.create(new SiteDraft("evt2", "Rolled back", null, null, null, null));
            status.setRollbackOnly();
        });

        assertThat(heard.events).isEmpty();
    }

    @Test
    void deletesAreAnnouncedToo() {
        Site site = sites.create(new SiteDraft("evt3", "Deleted soon", null, null, null, null));
        heard.events.clear();

        sites.delete(site.getId());

        assertThat(heard.events).containsExactly(new IntentChanged(IntentKind.SITE, Set.of(site.getId())));
    }

    /** An entity whose objectType() had no IntentKind would be logged but never announced. */
    @Test
    void everyIntentEntityHasAnObjectKind() throws Exception {
        int checked = 0;
        for (var type : entityManagerFactory.getMetamodel().getEntities()) {
            Class<?> java = type.getJavaType();
            if (!IntentEntity.class.isAssignableFrom(java) || Modifier.isAbstract(java.getModifiers())) {
                continue;
            }
            Constructor<?> constructor = java.getDeclaredConstructor();
            constructor.setAccessible(true);
            String wire = ((IntentEntity) constructor.newInstance()).objectType();
            assertThat(IntentKind.ofWire(wire)).as(java.getSimpleName() + " (" + wire + ")").isPresent();
            checked++;
        }
        assertThat(checked).isEqualTo(IntentKind.values().length);
    }
}
