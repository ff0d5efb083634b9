"""Files of the private storage (complaint photos, village archives) handed to those allowed:
from S3, a redirect to a link signed for a few minutes, to this file only, that also fixes the
type and disposition it is read with; from local storage, the file itself."""

from django.http import FileResponse, HttpResponseRedirect
from storages.backends.s3 import S3Storage


def private_file_response(storage, name, *, filename, content_type, as_attachment):
    if isinstance(storage, S3Storage):
        disposition = "attachment" if as_attachment else "inline"
        return HttpResponseRedirect(
            storage.url(
                name,
                parameters={
                    "ResponseContentType": content_type,
                    "ResponseContentDisposition": f'{disposition}; filename="{filename}"',
                },
            )
        )
    response = FileResponse(
        storage.open(name, "rb"),
        content_type=content_type,
        as_attachment=as_attachment,
        filename=filename,
    )
    # Read as the type it is sent as, and never run as a page.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
