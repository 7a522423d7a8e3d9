{"url": "https://www.northside-endo.example/", "status": 200}
{"url": "https://www.northside-endo.example/a/", "status": 200}
{"url": "https://www.northside-endo.example/b/", "status": 2
