package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.ContactFilter;
import com.titan.webhooks.application.port.in.AggregateRef;
import com.titan.webhooks.application.port.in.QueryContactsUseCase;
import com.titan.webhooks.application.port.in.TraceProvenanceUseCase;
import com.titan.webhooks.domain.contact.ContactKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Inbound adapter: {@code /api/contacts}, contacts as TitanX scored them, with their phones. */
@ApiTokenRequired
@Path("/api/contacts")
@Produces(MediaType.APPLICATION_JSON)
public final class ContactResource {

    private final QueryContactsUseCase contacts;

    private final TraceProvenanceUseCase provenance;

    public ContactResource(QueryContactsUseCase contacts, TraceProvenanceUseCase provenance) {
        this.contacts = contacts;
        this.provenance = provenance;
    }

    @GET
    public PageResponse<ContactResponse> list(@QueryParam("lead_status") String leadStatus,
                                              @QueryParam("email") String email,
                                              @QueryParam("updated_since") String updatedSince,
                                              @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        ContactFilter filter = new ContactFilter(QueryParameters.text(leadStatus), QueryParameters.text(email),
                QueryParameters.instant("updated_since", updatedSince));
        return PageResponse.from(contacts.list(filter, QueryParameters.page(cursor, limit)), ContactResponse::from);
    }

    @GET
    @Path("/{key}")
    public AggregateResponse get(@PathParam("key") String key, @QueryParam("provenance") String withProvenance) {
        ContactResponse contact = contacts.find(QueryParameters.id(key, ContactKey::new)).map(ContactResponse::from)
                .orElseThrow(NotFoundException::new);
        return WithProvenanceResponse.asked(contact, withProvenance, provenance,
                new AggregateRef(AggregateType.CONTACT, key));
    }
}
