package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.ReceiveDeliveryUseCase;
import com.titan.webhooks.domain.delivery.Source;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** Inbound adapter: {@code POST /webhooks/titancard}, TitanCard's signed card, connection and reminder events. */
@Path("/webhooks/titancard")
public final class TitanCardWebhookResource {

    private final DeliveryReception reception;

    public TitanCardWebhookResource(ReceiveDeliveryUseCase receiver, int maxBodyBytes, DeliveryCounter counter) {
        this.reception = new DeliveryReception(receiver, maxBodyBytes, counter);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@Context HttpHeaders headers, InputStream body) {
        return reception.receive(Source.TITANCARD, headers, body);
    }
}
