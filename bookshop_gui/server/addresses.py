"""The buyer's address book, which neither seed has: an addition in seed 001's dialect.

Orders go to the buyer's default address unless `createorder` or `create`
names another by its `address_id`; a client learns the ids here.
"""

from __future__ import annotations

from fastapi import APIRouter

from bookshop_gui.domain import Address
from bookshop_gui.server.bodies import SeedRoute
from bookshop_gui.server.fields import caller
from bookshop_gui.server.render import SeedResponse
from bookshop_gui.server.seed001 import Caller
from bookshop_gui.services import accounts

router = APIRouter(route_class=SeedRoute, tags=["additions to the seeds"],
                   default_response_class=SeedResponse)


@router.post("/user/addresses", summary="the buyer's addresses, the default first")
def buyer_addresses(body: Caller):
    caller(body.uid, body.token)
    return SeedResponse({"state": 0, "items": [
        _address(address) for address in accounts.addresses(body.token)]})


def _address(address: Address) -> dict:
    return {"address_id": address.id, "name": address.name, "phone": address.phone,
            "region": address.region, "street": address.street,
            "postcode": address.postcode, "default": address.is_default}
