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

/** Inbound adapter: {@code POST /webhooks/titanx}, TitanX's signed scoring callbacks. */
@Path("/webhooks/titanx")
public final class TitanXWebhookResource {

    private final DeliveryReception reception;

    public TitanXWebhookResource(ReceiveDeliveryUseCase receiver, int maxBodyBytes, DeliveryCounter counter) {
        this.reception = new DeliveryReception(receiver, maxBodyBytes, counter);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@Context HttpHeaders headers, InputStream body) {
        return reception.receive(Source.TITANX, headers, body);
    }
}
