import requests
from localserver import Response


def test_routes_serve_responses_in_turn(site):
    site.route("/x", responses=[Response(status=500), Response(body="ok")])
    assert requests.get(site.url("/x"), timeout=5).status_code == 500
    second = requests.get(site.url("/x"), timeout=5)
    assert (second.status_code, second.text) == (200, "ok")
    assert len(site.hits("/x")) == 2
