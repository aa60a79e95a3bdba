"""The demo's story in Spanish: (evidence, note) of each area and exception of ``script.py``.

Keyed like SCRIPT and EXCEPTIONS; an entry whose English texts are both empty has none here.
An empty text stands where the English one is empty (the area's text is used).
"""

# ruff: noqa: E501  (the script's sentences are kept whole, one per line)
from __future__ import annotations

SCRIPT_ES: dict[str, tuple[str, str]] = {
    "legal-framework": (
        "Ley de Asilo n.º 12 de 2021 y su decreto reglamentario de 2022, con sus números de publicación en el Diario Oficial.",
        "La ley está en vigor; todavía faltan algunas normas reglamentarias.",
    ),
    "governance": (
        "Decreto de creación de la Comisión Nacional de Asilo, su reglamento interno, el organigrama con las descripciones de puestos, las actas de sus sesiones y las del comité de coordinación trimestral.",
        "La comisión sesiona cada mes; el traspaso de los casos del ACNUR está acordado, pero no concluido.",
    ),
    "planning-resources": (
        "Proyecto de plan de desarrollo de capacidades 2025-2028 y partida presupuestaria de 2025 de la comisión.",
        "2025: el plan es un proyecto. 2026: aprobado por el ministro en marzo, primeras acciones en curso.",
    ),
    "premises-equipment": (
        "Inventario de oficinas y equipos, marzo de 2025: dos salas de entrevista, once computadoras.",
        "La oficina sobre el terreno comparte una sola sala y funciona sin generador eléctrico.",
    ),
    "access-registration": (
        "Procedimiento de registro, con su instrucción a los puestos fronterizos y policiales, cifras mensuales de registro extraídas del registro de casos y acuerdo de acogida de 2024 con el ministerio de asuntos sociales.",
        "Registro en un plazo de 15 días en la capital; más largo en el puesto fronterizo.",
    ),
    "processing-modalities": (
        "Nota del presidente sobre los casos prioritarios (2024); todavía no hay criterios escritos de clasificación de casos.",
        "Todas las solicitudes siguen el mismo procedimiento ordinario.",
    ),
    "case-management": (
        "Extracto del registro de casos: 1400 solicitudes pendientes desde hace más de seis meses (diciembre de 2024).",
        "2025: rezago medido, sin plan. 2026: plan de reducción del rezago adoptado; las solicitudes más antiguas bajan a 900.",
    ),
    "interview-interpretation": (
        "Guía de entrevista (2023) y lista de intérpretes pagados por sesión.",
        "Hay intérpretes solo para los idiomas principales; ninguno ha recibido capacitación.",
    ),
    "evidence-coi": (
        "",
        "No hay una unidad de información de país de origen (IPO); los oficiales de elegibilidad buscan en internet caso por caso.",
    ),
    "decision-quality": (
        "Modelo de decisión (2024) y muestra de diez decisiones leídas por el jefe de unidad.",
        "Las decisiones se motivan por escrito, pero rara vez se analizan la credibilidad y la información sobre el país.",
    ),
    "quality-assurance": (
        "",
        "No existe una función de garantía de calidad; los errores solo salen a la luz cuando la comisión tiene conocimiento, por casualidad, de una decisión de la sala de apelaciones.",
    ),
    "appeals": (
        "Ley del tribunal administrativo (sala de apelaciones) y su informe de actividades de 2024.",
        "La apelación suspende la expulsión; la sala resuelve en unos ocho meses.",
    ),
    "status-and-rights": (
        "Modelo de tarjeta de identidad de refugiado, cifras de 2024 de las tarjetas expedidas y circular sobre los derechos que otorga la tarjeta.",
        "Las tarjetas se expiden; los documentos de viaje tardan varios meses.",
    ),
    "legal-aid": (
        "",
        "Los solicitantes de asilo reciben un folleto solo en francés; no hay asesoramiento gratuito en primera instancia.",
    ),
    "specific-needs": (
        "Formulario de registro con un campo sobre necesidades específicas y lista de derivación del ministerio de salud.",
        "Las necesidades se anotan en el momento del registro, pero rara vez se actúa en consecuencia.",
    ),
    "confidentiality-data": (
        "Instrucción del presidente sobre confidencialidad e intercambio de datos (2023), con su registro de transferencias y su procedimiento en caso de vulneración; cuentas de usuario del registro de casos, bitácora de copias de seguridad y libro de movimientos de expedientes.",
        "Las normas se aplican; los expedientes en papel se guardan en una sala cerrada con llave.",
    ),
    "staffing-training": (
        "Cuadro de personal (14 oficiales de elegibilidad para 2600 solicitudes al año) y registros de capacitación.",
        "2026: seis oficiales de elegibilidad contratados y capacitados en el marco del plan de desarrollo de capacidades.",
    ),
    "integrity": (
        "Aviso en la oficina principal que indica que los servicios son gratuitos, y nota del jefe de registro sobre dos casos de 2024 en que se exigió un pago por una cita.",
        "Los responsables conocen algunos riesgos, pero los riesgos de fraude no se han identificado por escrito; un supervisor asigna los casos sin criterios escritos; los casos sospechosos se remiten al presidente, que decide caso por caso.",
    ),
    "contingency": (
        "Nota sobre las llegadas de 2023 al puesto fronterizo y las medidas adoptadas entonces.",
        "No hay un plan de contingencia escrito; la respuesta de 2023 fue improvisada.",
    ),
    "statistics-monitoring": (
        "Cuadros estadísticos extraídos del registro de casos: totales semestrales en 2024 y, desde 2026, un cuadro mensual por nacionalidad, sexo y edad.",
        "2025: totales dos veces al año. 2026: un cuadro mensual con definiciones escritas, cotejado cada mes con el registro.",
    ),
    "partnerships": (
        "Actas de las dos reuniones de 2024 con ONG y memorando de entendimiento con la clínica jurídica de la universidad.",
        "El diálogo es ocasional; nunca se ha invitado a las organizaciones lideradas por personas refugiadas.",
    ),
}
EXCEPTIONS_ES: dict[str, tuple[str, str]] = {
    "legal-framework.implementing-rules": (
        "Decreto reglamentario de 2022 (registro y entrevista) y circulares de 2023 sobre la notificación.",
        "Las normas reglamentarias abarcan el registro y la entrevista; las apelaciones y la notificación todavía no tienen un procedimiento escrito.",
    ),
    "legal-framework.review-consultation": (
        "Carta del ACNUR de 2024 sobre las lagunas de la ley, que la comisión respondió.",
        "Los problemas de la ley se conocen, pero no se recopilan; se ha hablado de una reforma, sin calendario.",
    ),
    "governance.independence": (
        "Reglamento interno de la comisión (las decisiones se basan en el expediente, la ley y la información sobre los países) y declaraciones de conflicto de intereses firmadas por sus miembros.",
        "",
    ),
    "governance.oversight": (
        "Dos cartas de la defensoría del pueblo (2024) sobre quejas de solicitantes de asilo, sin respuesta formal en el expediente.",
        "La defensoría del pueblo recibe algunas quejas de solicitantes de asilo, pero no tiene un acceso acordado a las instalaciones de asilo.",
    ),
    "governance.rsd-handover": (
        "Plan de traspaso acordado con el ACNUR en 2024, con sus etapas y la lista de expedientes por transferir.",
        "",
    ),
    "case-management.workload-allocation": (
        "",
        "Un supervisor asigna los casos sin normas escritas; no se da seguimiento a la carga de trabajo.",
    ),
    "quality-assurance.pre-decision-review": (
        "Muestra de diez decisiones leídas por el jefe de unidad en 2024; no se registra qué proyectos se leen.",
        "El jefe de unidad lee algunos proyectos de manera informal, según el tiempo del que dispone; la lectura no se registra.",
    ),
    "quality-assurance.external-feedback": (
        "Carpeta de las decisiones de apelación que la comisión solicitó a la sala en 2024.",
        "Algunas decisiones de apelación llegan a la comisión; nadie registra por qué se anuló una decisión.",
    ),
    "appeals.members-and-case-law": (
        "Programa del seminario de 2023 sobre derecho de los refugiados al que asistieron algunos miembros de la sala.",
        "La sala envía sus decisiones a la comisión solo cuando esta las solicita; sus miembros han asistido a un único seminario.",
    ),
    "legal-aid.procedural-information": (
        "Folleto sobre el procedimiento (2024), solo en francés.",
        "",
    ),
    "status-and-rights.family-unity": (
        "Extracto del registro de casos con las decisiones de 2024 que extienden la condición de refugiado a cónyuges e hijos menores de edad.",
        "En la práctica, los cónyuges y los hijos menores de edad reciben la misma condición, sin una norma escrita; la reunificación familiar queda a cargo del ministerio de relaciones exteriores.",
    ),
    "status-and-rights.cessation-revocation": (
        "Artículos de la Ley de Asilo n.º 12 de 2021 sobre cesación, cancelación y revocación, y procedimiento de audiencia del decreto reglamentario.",
        "Todavía no se ha puesto fin a ninguna condición de refugiado; el procedimiento no se ha utilizado.",
    ),
    "staffing-training.code-of-conduct": (
        "",
        "El código existe en papel; no se aplica a los intérpretes.",
    ),
    "partnerships.academia": (
        "Memorando de entendimiento de 2024 con la clínica jurídica de la universidad (curso de derecho de los refugiados y pasantías).",
        "",
    ),
    "partnerships.civil-society": (
        "Listas de asistencia de dos reuniones ad hoc con ONG en 2024, que registran quién asistió, pero no los temas planteados; los demás contactos son cartas y correos electrónicos tratados caso por caso.",
        "Las reuniones son ocasionales y dependen de unos pocos funcionarios; los temas planteados no se registran ni se les da seguimiento.",
    ),
}
DEFAULT_ES = ("Nota interna de la comisión sobre este tema.", "")
