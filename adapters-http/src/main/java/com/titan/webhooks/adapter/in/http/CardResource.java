package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.CardFilter;
import com.titan.webhooks.application.port.in.AggregateRef;
import com.titan.webhooks.application.port.in.QueryCardsUseCase;
import com.titan.webhooks.application.port.in.TraceProvenanceUseCase;
import com.titan.webhooks.domain.card.CardId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Inbound adapter: {@code /api/cards}, the user's business cards with their views and shares. */
@ApiTokenRequired
@Path("/api/cards")
@Produces(MediaType.APPLICATION_JSON)
public final class CardResource {

    private final QueryCardsUseCase cards;
    private final TraceProvenanceUseCase provenance;

    public CardResource(QueryCardsUseCase cards, TraceProvenanceUseCase provenance) {
        this.cards = cards;
        this.provenance = provenance;
    }

    @GET
    public PageResponse<CardResponse> list(@QueryParam("include_deleted") String includeDeleted,
                                           @QueryParam("updated_since") String updatedSince,
                                           @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        CardFilter filter = new CardFilter(QueryParameters.flag("include_deleted", includeDeleted),
                QueryParameters.instant("updated_since", updatedSince));
        return PageResponse.from(cards.list(filter, QueryParameters.page(cursor, limit)), CardResponse::from);
    }

    @GET
    @Path("/{id}")
    public AggregateResponse get(@PathParam("id") String id, @QueryParam("provenance") String withProvenance) {
        CardResponse card = cards.find(QueryParameters.id(id, CardId::new)).map(CardResponse::from)
                .orElseThrow(NotFoundException::new);
        return WithProvenanceResponse.asked(card, withProvenance, provenance, new AggregateRef(AggregateType.CARD, id));
    }
}
