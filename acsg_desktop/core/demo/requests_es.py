"""The demo's support requests in Spanish: plan, pledge, the texts of each request (by its plan
activity) and the review exchanges of ``requests.py``."""

from __future__ import annotations

PLAN_ES = "Plan nacional de desarrollo de capacidades de asilo 2025-2028, actividad {activity}"
PLEDGE_ES = (
    "Compromiso de Valdoria en el Foro Mundial sobre los Refugiados de 2023 sobre la capacidad"
    " de asilo (ficticio)"
)
TEXTS_ES: dict[str, dict[str, str]] = {  # plan activity -> results, measure, lasting
    "3.1": {
        "results": "Una unidad de dos investigadores responde a las solicitudes de investigación "
        "de los oficiales de elegibilidad en un plazo de diez días hábiles; una biblioteca con "
        "fuentes sobre los cinco principales países de origen se actualiza cada seis meses.",
        "measure": "El registro de solicitudes y fechas de respuesta de la unidad; una "
        "verificación semestral de las fechas y las fuentes de la biblioteca.",
        "lasting": "Ambos puestos figuran en el cuadro de personal de 2027; el método de trabajo "
        "de la unidad se adopta mediante decisión del presidente.",
    },
    "2.3": {
        "results": "Las solicitudes pendientes desde hace más de seis meses, 900 según el "
        "recuento de 2026, bajan a menos de 400 para finales de 2028; criterios escritos de "
        "clasificación de casos derivan las solicitudes sencillas a un procedimiento más corto.",
        "measure": "Cifras mensuales del registro de casos sobre las solicitudes pendientes por "
        "antigüedad, examinadas cada trimestre en la reunión de dirección.",
        "lasting": "Los criterios de clasificación de casos se adoptan por decreto; los nuevos "
        "informes del registro los mantiene el propio responsable de informática de la comisión.",
    },
    "4.2": {
        "results": "Al menos el 60\u00a0% de los solicitantes de asilo de la oficina de la "
        "capital reciben asesoramiento gratuito antes de su entrevista, y a toda persona "
        "apelante que no pueda pagar se le ofrece un abogado o asesor de una lista acordada.",
        "measure": "Hojas de asistencia que llevan los socios; una breve encuesta a los "
        "solicitantes de asilo realizada cada trimestre con la organización liderada por "
        "personas refugiadas.",
        "lasting": "Los proveedores trabajan con acuerdos escritos que incluyen normas de "
        "calidad; a partir de 2028, el asesoramiento pasa al presupuesto nacional de asistencia "
        "jurídica.",
    },
    "3.4": {
        "results": "Un revisor de calidad audita cada trimestre una muestra de 20 decisiones con "
        "una lista de verificación escrita, y las conclusiones se incorporan al plan de "
        "capacitación.",
        "measure": "Informes de auditoría trimestrales y proporción de decisiones calificadas "
        "como correctas.",
        "lasting": "El puesto de revisor y la lista de verificación forman parte del reglamento "
        "interno de la comisión.",
    },
}
EXCHANGES_ES = {
    "open": "¿El total incluye las computadoras portátiles de la oficina sobre el terreno?",
    "comment": "Sírvase indicar cómo se elegirá y remunerará a la organización liderada por "
    "personas refugiadas.",
    "response": "Mediante una convocatoria de manifestaciones de interés difundida entre los "
    "comités comunitarios de personas refugiadas; sus costos forman una partida separada del "
    "presupuesto (anexo 2).",
    "withdraw": "La necesidad ya está cubierta por un programa nacional financiado con el "
    "presupuesto de 2027.",
}
