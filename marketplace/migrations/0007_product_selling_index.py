from django.db import migrations, models
from django.db.models.functions import Coalesce


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0006_product_search_key")]

    operations = [
        migrations.AddIndex(
            model_name="productpage",
            index=models.Index(
                Coalesce("discounted_price", "price"), models.F("page_ptr"), name="balai_product_selling"
            ),
        ),
    ]
