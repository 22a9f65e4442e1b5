"""botocore's model loader, for a session whose only client is DynamoDB's.

Before it loads a service's model, botocore's stock Loader lists every
service it knows to check the name: some 400 directories and one listdir per
directory and version, which is the largest single cost of creating a client
on a Lambda cold start. A DynamoStore session only ever asks for DynamoDB, so
this loader answers that question without walking the disk. Everything it
loads still comes from botocore's own files, found the stock way.
"""

from __future__ import annotations

from botocore.loaders import Loader

SERVICE = "dynamodb"


# botocore ships no type hints, so Loader is Any to mypy: subclassing it is the point.
class DynamoDBModels(Loader):  # type: ignore[misc]
    def list_available_services(self, type_name: str) -> list[str]:
        return [SERVICE]
