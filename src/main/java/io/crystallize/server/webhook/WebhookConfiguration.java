package io.crystallize.server.webhook;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

/** The db-scheduler task that attempts a delivery (a custom task: its completion handler picks the retry time). */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    CustomTask<String> webhookDeliveryTask(WebhookDeliveries deliveries) {
        return Tasks.custom(WebhookDeliveries.TASK)
                .execute((instance, ctx) -> deliveries.attempt(UUID.fromString(instance.getData())));
    }
}
