"""Many new rows of one table in one INSERT statement."""

from django.db import connection


def insert_rows(model, objects, fields):
    """Insert `objects` of one table in a single statement; returns their new ids when the
    table numbers its rows itself.

    Leaner than bulk_create for the generator's rows, where Django's per-value work costs
    more than the database's: a value the rows share (an English page copies its Indonesian
    one) is converted once, and a column that is empty in every row is left out, as the
    database fills it with NULL anyway. Sends no signals, as bulk_create.
    """
    if not objects:
        return []
    auto_id = model._meta.pk if model._meta.pk.db_returning else None
    columns = {}
    for field in fields:
        column = [getattr(obj, field.attname) for obj in objects]
        if field is not auto_id and (field.has_db_default() or column.count(None) < len(column)):
            columns[field] = _converted(field, column)
    values = [value for row in zip(*columns.values(), strict=True) for value in row]
    quote = connection.ops.quote_name
    row = f"({', '.join(['%s'] * len(columns))})"
    # Only quoted table and column names are formatted in; every value is a parameter.
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(field.column) for field in columns)}) "
        f"VALUES {', '.join([row] * len(objects))}"
    )
    with connection.cursor() as cursor:
        if auto_id is None:
            cursor.execute(sql, values)
            return []
        cursor.execute(f"{sql} RETURNING {quote(auto_id.column)}", values)
        return [pk for (pk,) in cursor.fetchall()]


def _converted(field, values):
    """The values as the database takes them; a value that repeats is converted once."""
    if values.count(values[0]) == len(values):  # most columns: the same value in every row
        return [field.get_db_prep_save(values[0], connection)] * len(values)
    done = {}
    converted = []
    for value in values:
        try:
            key = (type(value), value)
            if key not in done:
                done[key] = field.get_db_prep_save(value, connection)
            converted.append(done[key])
        except TypeError:  # unhashable, such as a StreamField's value
            converted.append(field.get_db_prep_save(value, connection))
    return converted
